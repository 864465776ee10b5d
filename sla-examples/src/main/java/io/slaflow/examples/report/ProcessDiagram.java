package io.slaflow.examples.report;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The picture of one BPMN process as deployed, as Flowable's image generator draws it: a PNG image.
 * The report shows it inline as a {@code data:} image (the page's Content-Security-Policy allows those
 * and nothing fetched) and writes it beside the page as {@code <key>.png}. Immutable and thread-safe.
 */
public final class ProcessDiagram {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR_END = 24;

    private final String key;
    private final String name;
    private final byte[] png;

    private ProcessDiagram(String key, String name, byte[] png) {
        this.key = key;
        this.name = name;
        this.png = png;
    }

    /**
     * Returns a diagram.
     *
     * @param key the process definition key, e.g. {@code slaflowRequestIntake}; letters, digits,
     *     {@code _ . -}, up to 100 characters (it names the file)
     * @param name the process's name, e.g. {@code Request intake (slaflow)}; not blank
     * @param png the image; a PNG file's bytes (copied)
     * @return the diagram
     * @throws InvalidReportException listing every problem
     */
    public static ProcessDiagram of(String key, String name, byte[] png) {
        Violations v = Violations.of("process diagram " + key);
        if (v.present("key", key)) {
            v.check(KEY.matcher(key).matches(), "key: must be letters, digits, '_', '.' or '-', up to 100 (was "
                    + key + ")");
        }
        v.notBlank("name", name);
        if (v.present("png", png)) {
            v.check(png.length > IHDR_END && Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
                    PNG_SIGNATURE.length), "png: must be a PNG image (got " + png.length + " bytes without the PNG signature)");
        }
        v.throwIfAny();
        return new ProcessDiagram(key, name, png.clone());
    }

    /** Returns the process definition key. */
    public String key() {
        return key;
    }

    /** Returns the process's name. */
    public String name() {
        return name;
    }

    /** Returns a copy of the PNG bytes. */
    public byte[] png() {
        return png.clone();
    }

    /** Returns the file name the report writes it to: {@code <key>.png}. */
    public String fileName() {
        return key + ".png";
    }

    /** Returns the image width in pixels, from the PNG header. */
    public int width() {
        return readInt(16);
    }

    /** Returns the image height in pixels, from the PNG header. */
    public int height() {
        return readInt(20);
    }

    /** Returns the image as a {@code data:image/png;base64,...} URI. */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private int readInt(int offset) {
        return (png[offset] & 0xff) << 24 | (png[offset + 1] & 0xff) << 16 | (png[offset + 2] & 0xff) << 8
                | png[offset + 3] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessDiagram d && key.equals(d.key) && name.equals(d.name) && Arrays.equals(png, d.png);
    }

    @Override
    public int hashCode() {
        return List.of(key, name).hashCode() * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "ProcessDiagram[" + key + ", " + name + ", " + png.length + " bytes PNG]";
    }
}
