/**
 * Real servers on 127.0.0.1 for the remote-mode tests ({@code git daemon}, {@code git http-backend} behind the
 * JDK's HTTP(S) server, OpenSSH {@code sshd}, an OCI registry), test certificates made with {@code keytool}, and process helpers.
 * Shipped as the gitops module's test-jar so the cli's tests use them too; not for users.
 */
package dev.countersign.gitops.testing;
