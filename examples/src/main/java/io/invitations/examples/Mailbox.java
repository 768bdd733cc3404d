package io.invitations.examples;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder the tour's {@link io.invitations.mail.EmlFileMailer} writes into, read back so each
 * step can show the messages it caused.
 */
final class Mailbox {
    private final Path directory;
    private final Set<Path> seen = new HashSet<>();

    /** One message file: its name, recipient and subject. */
    record Message(Path file, String to, String subject) {
    }

    private Mailbox(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens the folder and removes the {@code .eml} and {@code .txt} files an earlier run left there
     * (only those), so what the tour lists is what this run wrote.
     */
    static Mailbox emptied(Path directory) {
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "*.{eml,txt}")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the tour's mail folder " + directory, e);
        }
        return new Mailbox(directory);
    }

    Path directory() {
        return directory;
    }

    /** Returns the messages written since the last call, oldest name first. */
    List<Message> newMessages() {
        List<Message> fresh = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                if (seen.add(file)) {
                    fresh.add(read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return fresh;
    }

    /** Returns how many message files the folder holds. */
    long count() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static Message read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), in);
            Address[] to = mime.getAllRecipients();
            return new Message(file, to == null || to.length == 0 ? "" : to[0].toString(), mime.getSubject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a message file: " + file, e);
        }
    }
}
