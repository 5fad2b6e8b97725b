package io.fedlab.session;

import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Stores a {@link ClientRegistration} (inside each authorized client) by its id only, and
 * reads it back from the application's {@link ClientRegistrationRepository}. Spring
 * Security's own JSON form copies the whole registration, Cognito client secret included,
 * into every session in Redis; by id, the secret stays out of the store and a rotated
 * secret or changed endpoint applies to sessions already open (ASVS 13.3.1).
 */
final class RegistrationByIdModule extends SimpleModule {

	private static final String ID = "registrationId";

	RegistrationByIdModule(Supplier<ClientRegistrationRepository> registrations) {
		super(RegistrationByIdModule.class.getSimpleName());
		addSerializer(ClientRegistration.class, new ById());
		addDeserializer(ClientRegistration.class, new FromRepository(registrations));
		// replaces Spring Security's mix-in (registered before this module), whose
		// deserializer would otherwise win over this one
		setMixInAnnotation(ClientRegistration.class, Typed.class);
	}

	/** The registration's class name is kept, as Spring Security's mix-in does. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	interface Typed {

	}

	private static final class ById extends StdSerializer<ClientRegistration> {

		ById() {
			super(ClientRegistration.class);
		}

		@Override
		public void serialize(ClientRegistration registration, JsonGenerator json, SerializationContext context) {
			json.writeStartObject(registration);
			json.writeStringProperty(ID, registration.getRegistrationId());
			json.writeEndObject();
		}

		@Override
		public void serializeWithType(ClientRegistration registration, JsonGenerator json, SerializationContext context,
				TypeSerializer types) {
			WritableTypeId typeId = types.writeTypePrefix(json, context,
					types.typeId(registration, JsonToken.START_OBJECT));
			json.writeStringProperty(ID, registration.getRegistrationId());
			types.writeTypeSuffix(json, context, typeId);
		}

	}

	private static final class FromRepository extends StdDeserializer<ClientRegistration> {

		private final Supplier<ClientRegistrationRepository> registrations;

		FromRepository(Supplier<ClientRegistrationRepository> registrations) {
			super(ClientRegistration.class);
			this.registrations = registrations;
		}

		@Override
		public ClientRegistration deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode node = parser.readValueAsTree();
			String id = node.path(ID).asString();
			ClientRegistration registration = this.registrations.get().findByRegistrationId(id);
			if (registration == null) {
				// the session is read as having no such client: the user signs in again
				return context.reportInputMismatch(ClientRegistration.class, "Unknown client registration");
			}
			return registration;
		}

	}

}
