/**
 * The review page: a small web application on the JDK's HTTP server that lists proposals and lets a
 * human approve or reject one, while an agent sees the same page without a button.
 */
@NullMarked
package dev.countersign.samples.reviewweb;

import org.jspecify.annotations.NullMarked;
