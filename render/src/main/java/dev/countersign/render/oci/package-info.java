/**
 * The built-in {@link dev.countersign.render.spi.ChartResolver}: resolves an OCI chart version to the digest of
 * its manifest over the OCI distribution API.
 */
@NullMarked
package dev.countersign.render.oci;

import org.jspecify.annotations.NullMarked;
