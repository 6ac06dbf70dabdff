package dev.callflow.certify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code certify --verify}: every hash in a certificate computed again. Result files are looked for relative to the
 * reports folder that holds the certificate's folder; artifacts at their recorded paths, only if they still exist
 * (a build moved away is no tampering). Files the run did not certify are not judged.
 */
public record Verification(List<String> changed, List<String> missing, int checked, List<String> artifactsGone) {

    public boolean intact() {
        return changed.isEmpty() && missing.isEmpty();
    }

    /** @param certificateJson {@code <reports>/certificate/certificate.json} */
    public static Verification of(Path certificateJson) throws IOException {
        Certificate c = Certification.read(certificateJson);
        Path reports = certificateJson.toAbsolutePath().normalize().getParent().getParent();
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> e : c.resultFiles().entrySet()) {
            Path f = reports.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                missing.add(e.getKey());
            } else {
                checked++;
                if (!FileHashes.sha256(f).equals(e.getValue())) {
                    changed.add(e.getKey());
                }
            }
        }
        for (Certificate.Artifact a : c.artifacts()) {
            Path f = Path.of(a.path());
            if (!Files.isRegularFile(f)) {
                gone.add(a.path());
            } else {
                checked++;
                if (!FileHashes.sha256(f).equals(a.sha256())) {
                    changed.add(a.path());
                }
            }
        }
        return new Verification(List.copyOf(changed), List.copyOf(missing), checked, List.copyOf(gone));
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(intact() ? "Intact: " : "NOT intact: ").append(checked).append(" file(s) checked");
        changed.forEach(f -> b.append("\n  changed: ").append(f));
        missing.forEach(f -> b.append("\n  missing: ").append(f));
        artifactsGone.forEach(f -> b.append("\n  artifact no longer there (not checked): ").append(f));
        return b.append('\n').toString();
    }
}
