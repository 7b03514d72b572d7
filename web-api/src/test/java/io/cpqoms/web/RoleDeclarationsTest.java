package io.cpqoms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cpqoms.kernel.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The roles the code knows, the web module declares and the EAR maps to realm groups are the same. */
class RoleDeclarationsTest {

    private static List<String> elements(String file, String element) throws Exception {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(Files.readString(Path.of(file)));
        return m.results().map(r -> r.group(1).trim()).toList();
    }

    @Test
    void webXmlDeclaresEveryRole() throws Exception {
        assertEquals(Roles.ALL, elements("src/main/webapp/WEB-INF/web.xml", "role-name").stream()
                .filter(r -> !r.equals("**")).toList());
    }

    @Test
    void theEarMapsEveryRoleToTheGroupOfItsName() throws Exception {
        String mapping = "../cpq-ear/src/main/application/META-INF/glassfish-application.xml";
        assertEquals(Roles.ALL, elements(mapping, "role-name"));
        assertEquals(Roles.ALL, elements(mapping, "group-name"));
    }
}
