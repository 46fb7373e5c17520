package dev.pronto.samples.boot;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Takes a multipart file upload and answers its name, size and SHA-256. Stateless. */
@RestController
class UploadController {

    /** What the upload endpoint answers. */
    record Upload(String name, long size, String sha256) {
    }

    @PostMapping("/api/uploads")
    Upload upload(@RequestParam("file") MultipartFile file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = file.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return new Upload(file.getOriginalFilename(), file.getSize(), HexFormat.of().formatHex(digest.digest()));
    }
}
