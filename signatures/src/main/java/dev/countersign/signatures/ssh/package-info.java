/** The OpenSSH implementation: wire encoding, key formats, {@code sshsig} and the ssh-agent protocol. */
@NullMarked
package dev.countersign.signatures.ssh;

import org.jspecify.annotations.NullMarked;
