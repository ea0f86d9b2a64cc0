/** A plain consumer of Countersign as a named module: it requires the gitops module and nothing else. */
module com.example.consumer {
    requires dev.countersign.gitops;
}
