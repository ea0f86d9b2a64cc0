/** The propose, approve, record state machine of Countersign, recorded in Git, with an offline verifier. */
module dev.countersign.gitops {
    requires static org.jspecify;
    requires transitive dev.countersign.policy;
    requires transitive dev.countersign.stack;
    requires dev.countersign.dag;
    requires transitive dev.countersign.render;
    requires transitive dev.countersign.signatures;
    requires dev.countersign.sops;
    requires dev.countersign.limits;
    requires org.snakeyaml.engine;
    requires org.eclipse.jgit;
    // JGit, an automatic module, logs through SLF4J: naming it resolves it on a consumer's module path
    requires org.slf4j;
    requires org.eclipse.jgit.ssh.apache;
    requires org.apache.sshd.osgi;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    exports dev.countersign.gitops;
    exports dev.countersign.gitops.content;

    opens dev.countersign.gitops.internal to
            tools.jackson.databind;
}
