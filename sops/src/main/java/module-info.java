/** SOPS-format encryption in pure Java: age and PGP keys, MAC, YAML/JSON/dotenv/INI/binary stores. */
module dev.countersign.sops {
    requires static org.jspecify;
    requires org.snakeyaml.engine;

    exports dev.countersign.sops;
    exports dev.countersign.sops.spi;
}
