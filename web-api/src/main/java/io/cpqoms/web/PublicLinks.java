package io.cpqoms.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the API is published, for Location headers and links: the configured public base URL
 * ({@code cpq.api.public-base-url}, e.g. https://cpq.example.com/api). Without one, a request that
 * reached the server on a loopback address gets the server's own loopback address and port, and any
 * other request a path without scheme and host. Never the Host header a client sent.
 */
@RequestScoped
public class PublicLinks {

    @Inject
    @ConfigProperty(name = "cpq.api.public-base-url")
    Optional<String> publicBaseUrl;

    @Inject
    HttpServletRequest request;

    /** The link to a resource under the API, e.g. {@code to("orders", id)}. */
    public String to(Object... segments) {
        StringBuilder link = new StringBuilder(base());
        for (Object segment : segments) {
            link.append('/').append(segment);
        }
        return link.toString();
    }

    /** 201 Created with the new resource's link and its representation. */
    public Response created(Object entity, Object... segments) {
        return Response.status(Response.Status.CREATED).header("Location", to(segments)).entity(entity).build();
    }

    private String base() {
        if (publicBaseUrl.isPresent() && !publicBaseUrl.get().isBlank()) {
            String configured = publicBaseUrl.get().strip();
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        if (loopback(request.getLocalAddr())) {
            return "http://localhost:" + request.getLocalPort() + request.getContextPath();
        }
        return request.getContextPath();
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
