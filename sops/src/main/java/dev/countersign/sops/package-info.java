/** Reading and writing SOPS-format encrypted files, compatible both ways with the {@code sops} tool. */
@NullMarked
package dev.countersign.sops;

import org.jspecify.annotations.NullMarked;
