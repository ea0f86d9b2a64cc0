/** The size, depth and count limits every reader of principal-controlled input enforces, in one place. */
module dev.countersign.limits {
    requires static org.jspecify;

    exports dev.countersign.limits;
}
