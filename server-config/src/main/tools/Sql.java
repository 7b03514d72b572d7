import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The provisioning scripts' SQL client, so a machine needs no psql: runs SQL against PostgreSQL over
 * JDBC. Launched as a single-file program: java -cp postgresql.jar Sql.java URL USER PASSWORD_FILE CMD...
 *
 *   exec "SQL"          run statements
 *   file PATH           run the statements of a file
 *   query "SQL"         print the first column of the first row (nothing if no row)
 *   wait SECONDS        retry connecting until the database answers or the time is up
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Sql URL USER PASSWORD_FILE (exec SQL | file PATH | query SQL | wait SECONDS)");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = Files.readString(Path.of(args[2])).strip();
        String command = args[3];
        String argument = args[4];
        if (command.equals("wait")) {
            long deadline = System.nanoTime() + Long.parseLong(argument) * 1_000_000_000L;
            while (true) {
                try (Connection ignored = DriverManager.getConnection(url, user, password)) {
                    return;
                } catch (SQLException e) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("database did not answer: " + e.getMessage());
                        System.exit(1);
                    }
                    Thread.sleep(250);
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            switch (command) {
                case "exec" -> statement.execute(argument);
                case "file" -> statement.execute(Files.readString(Path.of(argument)));
                case "query" -> {
                    try (ResultSet rs = statement.executeQuery(argument)) {
                        if (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
                default -> {
                    System.err.println("unknown command " + command);
                    System.exit(2);
                }
            }
        } catch (SQLException e) {
            System.err.println("SQL failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
