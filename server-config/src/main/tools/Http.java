import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The provisioning scripts' HTTP client, so a machine needs no curl. Launched as a single-file program:
 *
 *   java Http.java get URL                      print the body; exit 1 unless 2xx
 *   java Http.java post URL [JSON_FILE]         POST the file (or nothing) as JSON; print the body
 *   java Http.java wait URL SECONDS TEXT        until GET answers 200 with TEXT in the body
 *
 * With CPQ_AUTH=user:password in the environment, requests carry HTTP Basic credentials.
 */
public class Http {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        switch (args[0]) {
            case "get" -> finish(client.send(request(args[1]).GET().build(), HttpResponse.BodyHandlers.ofString()));
            case "post" -> finish(client.send(request(args[1])
                    .header("Content-Type", "application/json")
                    .POST(args.length > 2 ? HttpRequest.BodyPublishers.ofFile(Path.of(args[2]))
                            : HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString()));
            case "wait" -> {
                long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
                String last = "no answer";
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(args[1]))
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && response.body().contains(args[3])) {
                            return;
                        }
                        last = response.statusCode() + " " + response.body();
                    } catch (java.io.IOException e) {
                        last = e.toString();
                    }
                    Thread.sleep(500);
                }
                System.err.println("not ready after " + args[2] + "s: " + args[1] + " -> " + last);
                System.exit(1);
            }
            default -> {
                System.err.println("usage: Http (get URL | post URL [FILE] | wait URL SECONDS TEXT)");
                System.exit(2);
            }
        }
    }

    private static HttpRequest.Builder request(String uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        String auth = System.getenv("CPQ_AUTH");
        if (auth != null) {
            request.header("Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString(auth.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static void finish(HttpResponse<String> response) {
        System.out.println(response.body());
        if (response.statusCode() / 100 != 2) {
            System.err.println("HTTP " + response.statusCode() + " from " + response.uri());
            System.exit(1);
        }
    }
}
