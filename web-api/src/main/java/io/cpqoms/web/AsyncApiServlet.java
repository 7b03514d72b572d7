package io.cpqoms.web;

import io.cpqoms.kernel.Json;
import io.cpqoms.order.api.ErpContract;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The ERP contract over JMS as an AsyncAPI document ({@link ErpContract}), beside the OpenAPI document
 * and public like it (web.xml). It is generated from the records the product reads and sends, once.
 */
@WebServlet(AsyncApiServlet.PATH)
public class AsyncApiServlet extends HttpServlet {

    static final String PATH = "/asyncapi.json";
    private static final long serialVersionUID = 1L;
    private static final byte[] DOCUMENT = Json.write(ErpContract.asyncApi()).getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(DOCUMENT.length);
        response.getOutputStream().write(DOCUMENT);
    }
}
