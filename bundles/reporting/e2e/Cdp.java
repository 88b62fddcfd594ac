import io.fileintegrity.reporting.render.JsonParser;
import io.fileintegrity.reporting.render.JsonText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands, results, events. */
final class Cdp implements WebSocket.Listener {

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Cdp connect(String url) throws Exception {
        Cdp cdp = new Cdp();
        cdp.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), cdp).get(30, TimeUnit.SECONDS);
        return cdp;
    }

    /** Sends a command; {@code params} is a JSON object text. */
    CompletableFuture<Map<String, Object>> send(String method, String params) {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        pending.put(id, result);
        socket.sendText("{\"id\":" + id + ",\"method\":" + JsonText.quote(method) + ",\"params\":" + params + "}", true);
        return result;
    }

    /** Sends a command and waits for its result object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, String params) throws Exception {
        Map<String, Object> response = send(method, params).get(60, TimeUnit.SECONDS);
        if (response.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return (Map<String, Object>) response.get("result");
    }

    /** Waits for the next event called {@code method}, dropping others. */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitEvent(String method, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Map<String, Object> event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("no " + method + " within " + seconds + " s");
            }
            if (method.equals(event.get("method"))) {
                return (Map<String, Object>) event.get("params");
            }
        }
    }

    void clearEvents() {
        events.clear();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                Map<String, Object> message = (Map<String, Object>) JsonParser.parse(partial.toString());
                Object id = message.get("id");
                if (id != null) {
                    CompletableFuture<Map<String, Object>> waiting = pending.remove(((Long) id).intValue());
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } else {
                    events.add(message);
                }
            } catch (Exception e) {
                System.err.println("console-e2e: unreadable DevTools message: " + e.getMessage());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
