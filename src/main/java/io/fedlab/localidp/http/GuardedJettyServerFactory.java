package io.fedlab.localidp.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpStatus;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty 11 server with the emulator's {@link FrontDoor} first in both servlet
 * contexts (through the hooks {@code Jetty11HttpServer} offers for that), and an error
 * handler that answers Jetty's own errors (an unparsable request line, a header too
 * large) with the bare status text: never an exception name or a stack trace.
 */
final class GuardedJettyServerFactory implements HttpServerFactory {

	private final FrontDoor endpoints;

	private final FrontDoor admin;

	GuardedJettyServerFactory(FrontDoor endpoints, FrontDoor admin) {
		this.endpoints = endpoints;
		this.admin = admin;
	}

	@Override
	public String getName() {
		return "fedlab-guarded-jetty";
	}

	@Override
	public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
			StubRequestHandler stubRequestHandler) {
		// Locals, not fields: the hooks run inside the superclass constructor, before an
		// anonymous class's own fields are set, but after its captured variables are.
		FrontDoor endpointsDoor = this.endpoints;
		FrontDoor adminDoor = this.admin;
		return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {

			@Override
			protected void applyAdditionalServerConfiguration(Server server, Options opts) {
				super.applyAdditionalServerConfiguration(server, opts);
				server.setErrorHandler(new PlainErrorHandler());
			}

			@Override
			protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
				super.decorateMockServiceContextBeforeConfig(context);
				guard(context, endpointsDoor);
			}

			@Override
			protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
				super.decorateAdminServiceContextBeforeConfig(context);
				guard(context, adminDoor);
			}

		};
	}

	private static void guard(ServletContextHandler context, FrontDoor door) {
		context.setErrorHandler(new PlainErrorHandler());
		context.addFilter(new FilterHolder(door), "/*", EnumSet.of(DispatcherType.REQUEST));
	}

	/** Jetty's error pages reduced to the status line's text, as plain text. */
	static final class PlainErrorHandler extends ErrorHandler {

		PlainErrorHandler() {
			setShowStacks(false);
			setShowServlet(false);
			setShowMessageInTitle(false);
		}

		@Override
		protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
				HttpServletResponse response, int code, String message) throws IOException {
			baseRequest.setHandled(true);
			response.setContentType("text/plain;charset=UTF-8");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.getOutputStream().write(text(code).getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
			fields.put("Content-Type", "text/plain;charset=UTF-8");
			return ByteBuffer.wrap(text(status).getBytes(StandardCharsets.UTF_8));
		}

		private static String text(int code) {
			String reason = HttpStatus.getMessage(code);
			return code + " " + ((reason != null) ? reason : "Error");
		}

	}

}
