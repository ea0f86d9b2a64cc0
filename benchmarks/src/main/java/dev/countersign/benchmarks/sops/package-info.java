/**
 * Benchmarks of {@code dev.countersign.sops}: decrypt (with MAC verification) and encrypt of a
 * 50,000-leaf YAML file, beside the npm peer {@code sops-age} and a snakeyaml-engine + AES-GCM floor.
 */
@NullMarked
package dev.countersign.benchmarks.sops;

import org.jspecify.annotations.NullMarked;
