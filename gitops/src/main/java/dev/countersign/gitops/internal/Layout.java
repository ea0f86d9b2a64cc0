package dev.countersign.gitops.internal;

import dev.countersign.gitops.InvalidProposalException;
import java.util.regex.Pattern;

/**
 * The paths of a Countersign repository: {@code .countersign/policy.yaml}, one environment file per
 * environment under {@code .countersign/environments/}, and one folder per environment and stack under
 * {@code environments/<env>/<stack>/}.
 */
public final class Layout {
    /** The policy file in force. */
    public static final String POLICY = ".countersign/policy.yaml";

    /** The sops creation rules. */
    public static final String SOPS_CONFIG = ".sops.yaml";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,126}");

    private Layout() {}

    /**
     * Returns the path of an environment's definition.
     *
     * @param environment the environment
     * @return its path
     */
    public static String environmentFile(String environment) {
        return ".countersign/environments/" + name("environment", environment) + ".yaml";
    }

    /**
     * Returns the folder of a stack in an environment.
     *
     * @param environment the environment
     * @param stack the stack
     * @return the folder, without trailing slash
     * @throws InvalidProposalException if a name could escape its folder
     */
    public static String stackFolder(String environment, String stack) {
        return "environments/" + name("environment", environment) + "/" + name("stack", stack);
    }

    /**
     * Returns the path of a file inside a stack folder, refusing any name that could leave the folder.
     *
     * @param folder the stack folder
     * @param relative the file's path inside it: segments of {@code [a-z0-9][a-z0-9._-]*}, no {@code ..}
     * @return the full path
     * @throws InvalidProposalException if the name could escape the folder
     */
    public static String fileIn(String folder, String relative) {
        for (String segment : relative.split("/", -1)) {
            if (!FILE.matcher(segment).matches() || segment.contains("..")) {
                throw new InvalidProposalException("invalid file name '" + relative + "' in " + folder
                        + ": each segment must match " + FILE.pattern() + " without '..'");
            }
        }
        return folder + "/" + relative;
    }

    /**
     * Checks that a path belongs to the repository's configuration, written only at initialization.
     *
     * @param path the path
     * @return the path
     * @throws InvalidProposalException if it lies outside {@code .countersign/} and is not {@code .sops.yaml}
     */
    public static String requireConfigPath(String path) {
        if (!isConfigPath(path)) {
            throw new InvalidProposalException("invalid configuration path '" + path + "': must be " + SOPS_CONFIG
                    + " or lie under .countersign/ without '..'");
        }
        return path;
    }

    /**
     * Tells whether a path belongs to the repository's configuration.
     *
     * @param path the path
     * @return true for {@code .sops.yaml} and files under {@code .countersign/}
     */
    public static boolean isConfigPath(String path) {
        return path.equals(SOPS_CONFIG) || (path.startsWith(".countersign/") && !path.contains(".."));
    }

    /**
     * Checks a name of an environment, stack or component.
     *
     * @param what what the name names, for the message
     * @param name the name
     * @return the name
     * @throws InvalidProposalException if it does not match {@code [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?}
     */
    public static String name(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidProposalException(
                    "invalid " + what + " name '" + name + "': must match " + NAME.pattern());
        }
        return name;
    }
}
