package io.slaflow.examples.simulation;

import io.slaflow.examples.report.ProcessDiagram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.image.ProcessDiagramGenerator;

/**
 * Draws every process deployed on an engine, latest versions, with Flowable's own image generator, as
 * PNG (asked for SVG, Flowable 8's generator returns no bytes). Needs no display: the JVM runs AWT
 * headless.
 */
final class ProcessDiagrams {

    private ProcessDiagrams() {
    }

    /** Returns one diagram per deployed process (latest version), ordered by key. */
    static List<ProcessDiagram> of(ProcessEngine engine) {
        ProcessEngineConfiguration cfg = engine.getProcessEngineConfiguration();
        ProcessDiagramGenerator generator = cfg.getProcessDiagramGenerator();
        List<ProcessDefinition> definitions = new ArrayList<>(engine.getRepositoryService()
                .createProcessDefinitionQuery().latestVersion().list());
        definitions.sort(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getTenantId));
        List<ProcessDiagram> diagrams = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            if (diagrams.stream().anyMatch(d -> d.key().equals(definition.getKey()))) {
                continue;
            }
            BpmnModel model = engine.getRepositoryService().getBpmnModel(definition.getId());
            try (InputStream png = generator.generateDiagram(model, "png", cfg.getActivityFontName(),
                    cfg.getLabelFontName(), cfg.getAnnotationFontName(), cfg.getClassLoader(), 1.0, true)) {
                String name = definition.getName() != null ? definition.getName() : definition.getKey();
                diagrams.add(ProcessDiagram.of(definition.getKey(), name, png.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot draw process " + definition.getKey(), e);
            }
        }
        return List.copyOf(diagrams);
    }
}
