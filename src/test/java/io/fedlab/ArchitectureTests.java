package io.fedlab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of the code base: the relying party and provisioning never reach into
 * the emulators (only the launcher names them), only the emulators use WireMock, and only
 * the Cognito adapter, provisioning and the local stack's bootstrap (which provisions the
 * local pool through {@code setup}) use the AWS SDK.
 */
@AnalyzeClasses(packages = "io.fedlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule appNeverImportsLocalIdp = noClasses().that()
		.resideInAnyPackage("io.fedlab.account..", "io.fedlab.security..", "io.fedlab.cognito..", "io.fedlab.system..",
				"io.fedlab.provisioning..", "io.fedlab.inspector..", "io.fedlab.session..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.fedlab.localidp..");

	@ArchTest
	static final ArchRule onlyLocalIdpTouchesWireMock = noClasses().that()
		.resideOutsideOfPackage("io.fedlab.localidp..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.github.tomakehurst.wiremock..");

	@ArchTest
	static final ArchRule onlyCognitoProvisioningAndLocalStackTouchAwsSdk = noClasses().that()
		.resideOutsideOfPackages("io.fedlab.cognito..", "io.fedlab.provisioning..", "io.fedlab.localidp")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("software.amazon.awssdk..");

	@ArchTest
	static final ArchRule emulatorsNeverImportTheRelyingParty = noClasses().that()
		.resideInAPackage("io.fedlab.localidp..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.fedlab.account..", "io.fedlab.security..", "io.fedlab.system..", "io.fedlab.session..");

}
