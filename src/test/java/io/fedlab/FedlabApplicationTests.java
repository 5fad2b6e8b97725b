package io.fedlab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FedlabApplicationTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(FedlabApplication.COMMON_POOL_PARALLELISM);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(FedlabApplication.COMMON_POOL_PARALLELISM);
		}
		else {
			System.setProperty(FedlabApplication.COMMON_POOL_PARALLELISM, this.before);
		}
	}

	@Test
	void useCommonPoolOnSmallMachinesWhenUnsetThenTwoOnAtMostTwoCoresElseUnset() {
		System.clearProperty(FedlabApplication.COMMON_POOL_PARALLELISM);

		FedlabApplication.useCommonPoolOnSmallMachines();

		String expected = (Runtime.getRuntime().availableProcessors() <= 2) ? "2" : null;
		assertThat(System.getProperty(FedlabApplication.COMMON_POOL_PARALLELISM)).isEqualTo(expected);
	}

	@Test
	void useCommonPoolOnSmallMachinesWhenSetExplicitlyThenKept() {
		System.setProperty(FedlabApplication.COMMON_POOL_PARALLELISM, "1");

		FedlabApplication.useCommonPoolOnSmallMachines();

		assertThat(System.getProperty(FedlabApplication.COMMON_POOL_PARALLELISM)).isEqualTo("1");
	}

}
