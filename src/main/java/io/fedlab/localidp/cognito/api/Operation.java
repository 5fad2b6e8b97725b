package io.fedlab.localidp.cognito.api;

import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON API operation: input shape in, output shape out, or an {@link ApiException}.
 */
@FunctionalInterface
interface Operation {

	ObjectNode handle(ApiInput input);

}
