package io.cpqoms.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * The body of the container's 401 (web.xml error page): a problem detail like every other error,
 * keeping the server's Basic challenge header.
 */
@WebServlet("/problems/unauthenticated")
public class UnauthenticatedProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlationId = UUID.randomUUID().toString();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setHeader(CorrelationFilter.HEADER, correlationId);
        response.getWriter().write("{\"type\":\"urn:cpq:problem:authentication-required\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"code\":\"" + AuthorizationFilter.AUTHENTICATION_REQUIRED + "\",\"detail\":"
                + "\"Authenticate with HTTP Basic credentials of the server's security realm.\",\"correlationId\":\""
                + correlationId + "\"}");
    }
}
