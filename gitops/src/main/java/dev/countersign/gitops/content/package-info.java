/**
 * The content views of a proposal: one value model of exactly what a reviewer approves (component YAML hunks,
 * the diff of every file the record writes, secrets by fingerprint, variables with their values and provenance,
 * chart changes, blast radius), shared by the CLI's text, its JSON and YAML, and review pages.
 */
@NullMarked
package dev.countersign.gitops.content;

import org.jspecify.annotations.NullMarked;
