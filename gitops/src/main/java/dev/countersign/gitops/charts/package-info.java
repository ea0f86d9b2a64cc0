/**
 * Chart digests: the {@link dev.countersign.gitops.charts.ChartResolver} extension point, which turns a chart's
 * repository, name and exact version into the digest an approval can pin, and a built-in resolver that speaks the
 * OCI distribution API.
 */
@NullMarked
package dev.countersign.gitops.charts;

import org.jspecify.annotations.NullMarked;
