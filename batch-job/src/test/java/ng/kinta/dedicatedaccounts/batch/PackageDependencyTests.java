package ng.kinta.dedicatedaccounts.batch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other one way only: cli → run → job → notification
 * → user → account → billstack (a package may use any package after it), alert (the
 * operators' alerts, fed by the job's events) on anything, with nothing depending on it,
 * and explain (what operators read about a user) on the job's packages, used by the
 * command line only.
 */
class PackageDependencyTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("ng.kinta.dedicatedaccounts.batch");

	@Test
	void dependenciesPointOneWay() {
		Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("cli")
			.definedBy("..batch.cli..")
			.layer("run")
			.definedBy("..batch.run..")
			.layer("job")
			.definedBy("..batch.job..")
			.layer("notification")
			.definedBy("..batch.notification..")
			.layer("user")
			.definedBy("..batch.user..")
			.layer("account")
			.definedBy("..batch.account..")
			.layer("billstack")
			.definedBy("..batch.billstack..")
			.layer("alert")
			.definedBy("..batch.alert..")
			.layer("explain")
			.definedBy("..batch.explain..")
			.whereLayer("cli")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("run")
			.mayOnlyBeAccessedByLayers("cli", "alert")
			.whereLayer("job")
			.mayOnlyBeAccessedByLayers("cli", "run", "alert", "explain")
			.whereLayer("notification")
			.mayOnlyBeAccessedByLayers("cli", "run", "job", "alert")
			.whereLayer("user")
			.mayOnlyBeAccessedByLayers("cli", "run", "job", "notification", "alert", "explain")
			.whereLayer("account")
			.mayOnlyBeAccessedByLayers("cli", "run", "job", "notification", "user", "alert", "explain")
			.whereLayer("billstack")
			.mayOnlyBeAccessedByLayers("cli", "run", "job", "notification", "user", "account", "alert", "explain")
			.whereLayer("alert")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("explain")
			.mayOnlyBeAccessedByLayers("cli")
			.check(CLASSES);
	}

}
