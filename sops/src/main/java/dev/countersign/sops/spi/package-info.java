/** Extension points for master-key sources (age and PGP are built in; hosts plug in cloud KMS or Vault). */
@NullMarked
package dev.countersign.sops.spi;

import org.jspecify.annotations.NullMarked;
