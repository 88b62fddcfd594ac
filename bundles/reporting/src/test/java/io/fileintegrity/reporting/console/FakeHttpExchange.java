package io.fileintegrity.reporting.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * One request/response pair as the Web Console hands it to a plugin, held in memory. Only the methods
 * the plugin uses are answered; any other call fails the test with the method's name.
 */
final class FakeHttpExchange {

    static final String PLUGIN_ROOT = "/system/console/fileintegrity";

    final String method;
    final Map<String, String> parameters = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    final Map<String, String> responseHeaders = new HashMap<>();
    final StringWriter body = new StringWriter();
    int status = 200;
    String contentType;

    FakeHttpExchange(String method) {
        this.method = method;
        headers.put("Host", "127.0.0.1:8080");
    }

    FakeHttpExchange parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    FakeHttpExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> "felix.webconsole.pluginRoot".equals(args[0]) ? PLUGIN_ROOT : null;
                    case "getDateHeader" -> -1L;
                    case "getProtocol" -> "HTTP/1.1";
                    case "toString" -> "FakeRequest " + method;
                    default -> throw new UnsupportedOperationException("request." + called.getName());
                });
    }

    HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getWriter" -> writer;
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        responseHeaders.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "setCharacterEncoding" -> null;
                    case "toString" -> "FakeResponse";
                    default -> throw new UnsupportedOperationException("response." + called.getName());
                });
    }

    String text() {
        return body.toString();
    }
}
