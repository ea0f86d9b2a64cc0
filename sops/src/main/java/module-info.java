/** SOPS-format encryption in pure Java: age and PGP keys, MAC, YAML/JSON/dotenv/INI/binary stores. */
module dev.countersign.sops {
    requires static transitive org.jspecify;
    requires org.snakeyaml.engine;
    requires dev.countersign.limits;
    requires com.exceptionfactory.jagged;
    requires com.exceptionfactory.jagged.bech32;
    requires com.exceptionfactory.jagged.framework;
    requires com.exceptionfactory.jagged.x25519;
    requires org.bouncycastle.pg;
    requires org.bouncycastle.provider;

    exports dev.countersign.sops;
    exports dev.countersign.sops.spi;
}
