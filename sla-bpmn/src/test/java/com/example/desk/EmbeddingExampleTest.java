package com.example.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.policy.SlaPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void theExampleFilesWaitsAndResolvesARequest() {
        List<String> heard = new ArrayList<>();
        RequestStatus status = EmbeddingExample.fileAndResolve(SlaPolicies.parse("""
                name: desk
                calendars:
                  always: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
                targets:
                  - when: {}
                    calendar: always
                    response: PT4H
                    resolution: PT24H
                """), heard);
        assertEquals(RequestStage.RESOLVED, status.stage());
        assertEquals(CountdownState.MET, status.response().state());
        assertFalse(status.resolution().breached());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "PAUSED RESPONSE", "PAUSED RESOLUTION",
                "RESUMED RESPONSE", "RESUMED RESOLUTION", "MET RESPONSE", "MET RESOLUTION"), heard);
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String source = Files.readString(module.resolve("src/test/java/com/example/desk/EmbeddingExample.java"));
        String method = source.substring(source.indexOf("    static RequestStatus fileAndResolve"),
                source.lastIndexOf("    }\n") + 6);
        String readme = Files.readString(module.resolveSibling("README.md"));
        String section = readme.substring(readme.indexOf("## Embedding SlaEngine"));
        assertTrue(section.contains("```java\n" + method.replaceAll("(?m)^    ", "") + "```\n"),
                "README.md, section 'Embedding SlaEngine', must show EmbeddingExample.fileAndResolve verbatim");
    }
}
