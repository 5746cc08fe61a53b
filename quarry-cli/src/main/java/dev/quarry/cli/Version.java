package dev.quarry.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"quarry " + (v == null ? "development build" : v)};
    }
}
