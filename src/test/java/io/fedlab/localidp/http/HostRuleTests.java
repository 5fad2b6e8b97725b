package io.fedlab.localidp.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostRuleTests {

	final HostRule rule = new HostRule("fedlab.test");

	@Test
	void acceptsHostWhenConfiguredOrLoopbackThenTrueWithOrWithoutPort() {
		assertThat(this.rule.acceptsHost("fedlab.test")).isTrue();
		assertThat(this.rule.acceptsHost("FEDLAB.test:9230")).isTrue();
		assertThat(this.rule.acceptsHost("localhost:9229")).isTrue();
		assertThat(this.rule.acceptsHost("127.0.0.1")).isTrue();
		assertThat(this.rule.acceptsHost("127.9.8.7:1")).isTrue();
		assertThat(this.rule.acceptsHost("[::1]:9240")).isTrue();
		assertThat(this.rule.acceptsHost("[0:0:0:0:0:0:0:1]")).isTrue();
		assertThat(this.rule.acceptsHost(null)).isTrue();
	}

	@Test
	void acceptsHostWhenForeignOrMalformedThenFalse() {
		assertThat(this.rule.acceptsHost("evil.example")).isFalse();
		assertThat(this.rule.acceptsHost("localhost.evil.example:9229")).isFalse();
		assertThat(this.rule.acceptsHost("127.0.0.1.nip.io")).isFalse();
		assertThat(this.rule.acceptsHost("10.0.0.1")).isFalse();
		assertThat(this.rule.acceptsHost("[::2]")).isFalse();
		assertThat(this.rule.acceptsHost("")).isFalse();
		assertThat(this.rule.acceptsHost("localhost:abc")).isFalse();
		assertThat(this.rule.acceptsHost("localhost:1:2")).isFalse();
		assertThat(this.rule.acceptsHost("[::1")).isFalse();
		assertThat(this.rule.acceptsHost("999.0.0.1")).isFalse();
	}

	@Test
	void isSameOriginWhenOriginMatchesTheHostThenTrueElseFalse() {
		assertThat(this.rule.isSameOrigin("http://localhost:9240", "localhost:9240")).isTrue();
		assertThat(this.rule.isSameOrigin("http://localhost:8080", "localhost:9240")).isFalse();
		assertThat(this.rule.isSameOrigin("https://evil.example", "localhost:9240")).isFalse();
		assertThat(this.rule.isSameOrigin("null", "localhost:9240")).isFalse();
		assertThat(this.rule.isSameOrigin("http://evil.example:9240", "evil.example:9240")).isFalse();
		assertThat(this.rule.isSameOrigin("file://localhost", "localhost")).isFalse();
	}

}
