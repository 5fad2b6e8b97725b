package io.fedlab.session;

import java.net.URL;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.fedlab.inspector.FlowRecord;
import io.fedlab.security.RefreshOutcome;
import io.fedlab.security.SignInProblem;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.servlet.FlashMap;

/**
 * The JSON form of session attributes in Redis: Spring Security's Jackson 3 modules (the
 * security context, the saved authorization request with its {@code state}, {@code nonce}
 * and PKCE verifier, the authorized clients with their tokens, the saved request) plus
 * this app's own attribute types. Never Java serialization: a class name in the data
 * never chooses what gets instantiated beyond this allow list (ASVS 1.5.2).
 */
final class SessionJson {

	private SessionJson() {
	}

	/**
	 * A serializer that writes every value with its class name ({@code @class}) and reads
	 * back only the allowed types.
	 * @param classLoader the application's class loader, for Spring Security's modules
	 * @param registrations the application's client registrations, looked up by id when
	 * an authorized client is read
	 * @return the serializer
	 */
	static GenericJacksonJsonRedisSerializer serializer(ClassLoader classLoader,
			Supplier<ClientRegistrationRepository> registrations) {
		BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
			// the explained sign-in failure; the outcome of "Refresh tokens", a flash
			// attribute kept in Spring MVC's flash maps (as JSON a FlashMap keeps its
			// entries but not its target path and expiry: the next request takes it)
			.allowIfSubType(SignInProblem.class)
			.allowIfSubType(RefreshOutcome.class)
			.allowIfSubType(FlashMap.class)
			.allowIfSubType("java.util.concurrent.CopyOnWriteArrayList")
			// the flow inspector's record of the latest sign-in ("What just happened"):
			// masked values and one-way fingerprints only, never a code or a token; its
			// hops and facts are final records in final-typed lists, written without
			// a class name
			.allowIfSubType(FlowRecord.class)
			// inside the ID token's claims: iss as Spring converts it (a URL, never
			// opened), JSON objects as Nimbus parses them (identities), immutable lists
			.allowIfSubType(URL.class)
			.allowIfSubType("com.nimbusds.jose.shaded.gson.internal.LinkedTreeMap")
			.allowIfSubType("java.util.ImmutableCollections$ListN")
			.allowIfSubType("java.util.ImmutableCollections$List12");
		List<JacksonModule> modules = SecurityJacksonModules.getModules(classLoader, allowed);
		BasicPolymorphicTypeValidator validator = allowed.build();
		return GenericJacksonJsonRedisSerializer.builder()
			.enableDefaultTyping(validator)
			// the same list for types that carry their own type info (the mix-ins here
			// and Spring Security's): the serializer reads a root value as the class
			// its "@class" names, and Jackson's default check would then accept any
			// class that carries its own type info
			.customize((mapper) -> mapper.polymorphicTypeValidator(validator)
				.addModules(modules)
				.addModule(new RegistrationByIdModule(registrations))
				.addMixIn(SignInProblem.class, TypedRecord.class)
				.addMixIn(RefreshOutcome.class, TypedRecord.class)
				.addMixIn(FlowRecord.class, TypedRecord.class))
			.build();
	}

	/**
	 * Records are final, and default typing names only non-final types, so a record
	 * stored as an attribute of its own would lose its class name; this mix-in keeps it.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	private interface TypedRecord {

	}

}
