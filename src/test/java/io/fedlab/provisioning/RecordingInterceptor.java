package io.fedlab.provisioning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the name of every operation the SDK client sends (a real SDK extension point,
 * not a mock): the calls still go over HTTP to the emulator.
 */
final class RecordingInterceptor implements ExecutionInterceptor {

	private final List<String> operations = new CopyOnWriteArrayList<>();

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		this.operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
	}

	List<String> operations() {
		return List.copyOf(this.operations);
	}

	/** Every operation that is not a Describe, List or Get. */
	List<String> writes() {
		return this.operations.stream()
			.filter((op) -> !op.startsWith("Describe") && !op.startsWith("List") && !op.startsWith("Get"))
			.toList();
	}

	void clear() {
		this.operations.clear();
	}

}
