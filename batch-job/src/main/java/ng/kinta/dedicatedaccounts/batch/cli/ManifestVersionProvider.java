package ng.kinta.dedicatedaccounts.batch.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Answers {@code --version} with the command's name and the
 * {@code Implementation-Version} of the jar its class comes from (written by the build);
 * {@code development} when run from classes, e.g. in tests. Reads nothing else: no
 * configuration, no connection.
 */
public final class ManifestVersionProvider implements IVersionProvider {

	@Spec
	CommandSpec spec;

	@Override
	public String[] getVersion() {
		String version = this.spec.userObject().getClass().getPackage().getImplementationVersion();
		return new String[] { this.spec.name() + " " + ((version != null) ? version : "development") };
	}

}
