package io.slaflow.core.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing your policy" example is {@code com.example.desk.DeskPolicyTest}, verbatim. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleTestVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String example = Files.readString(module.resolve("src/test/java/com/example/desk/DeskPolicyTest.java"));
        String readme = Files.readString(module.resolveSibling("README.md"));
        String section = readme.substring(readme.indexOf("## Testing your policy"));
        assertTrue(section.contains("```java\n" + example + "```\n"),
                "README.md, section 'Testing your policy', must hold DeskPolicyTest.java verbatim in a java block");
    }
}
