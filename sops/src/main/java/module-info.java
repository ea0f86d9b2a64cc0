/** SOPS-format encryption in pure Java: age and PGP keys, MAC, YAML/JSON/dotenv/INI/binary stores. */
module dev.countersign.sops {
    requires static org.jspecify;

    exports dev.countersign.sops;
    exports dev.countersign.sops.spi;
}
