package dev.countersign.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;

/**
 * The {@code --repo DIR} option of a command that writes to the repository or talks to its remote, with the transport
 * and signing options and the chart registry options, each group under its own heading in the help.
 */
final class RemoteRepositoryOption extends RepositoryOption {
    /** The heading of the transport and signing options in every command's help. */
    static final String TRANSPORT_HEADING = "%nRemote and signing options:%n";

    /** The heading of the chart registry options in every command's help. */
    static final String REGISTRY_HEADING = "%nChart registry options:%n";

    @ArgGroup(validate = false, heading = TRANSPORT_HEADING)
    @Nullable
    TransportOptions transport = new TransportOptions();

    @ArgGroup(validate = false, heading = REGISTRY_HEADING)
    @Nullable
    RegistryOptions registry = new RegistryOptions();

    @Override
    TransportOptions transport() {
        return transport == null ? new TransportOptions() : transport;
    }

    @Override
    RegistryOptions registry() {
        return registry == null ? new RegistryOptions() : registry;
    }
}
