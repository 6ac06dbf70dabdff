package dev.callflow.report;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** PlantUML source to SVG, in process: sequence diagrams need no Graphviz. */
public final class DiagramSvg {
    private DiagramSvg() { }

    public static byte[] render(String plantUml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SourceStringReader(plantUml).outputImage(out, new FileFormatOption(FileFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("PlantUML could not render a sequence diagram", e);
        }
        return out.toByteArray();
    }

    /** Renders and writes {@code file}; returns the SVG. */
    public static byte[] write(String plantUml, Path file) {
        byte[] svg = render(plantUml);
        AtomicFiles.write(file, svg);
        return svg;
    }

    /** Loads PlantUML's classes (about 1.5 s on a cold JVM) so the first scenario's diagram does not pay for it. */
    public static void warmUp() {
        render("@startuml\na -> b : warm up\n@enduml\n");
    }
}
