package io.invitations.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on a free loopback port that answers every command with 250 except the ones it
 * is told to refuse: a real SMTP exchange whose replies a test chooses.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final String command;
    private final String reply;
    final List<String> received = new CopyOnWriteArrayList<>();

    /**
     * Starts the server.
     *
     * @param command the command to refuse: {@code AUTH}, {@code MAIL}, {@code RCPT} or {@code .} (end of data)
     * @param reply   the full reply to it, e.g. {@code 550 5.1.1 no such user}
     */
    ScriptedSmtpServer(String command, String reply) throws IOException {
        this.command = command;
        this.reply = reply;
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        write(out, "220 scripted ESMTP");
        boolean inData = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (inData) {
                if (line.equals(".")) {
                    inData = false;
                    write(out, answer(".", "250 2.0.0 queued"));
                }
                continue;
            }
            received.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> write(out, "250-scripted\r\n250 AUTH PLAIN LOGIN");
                case "AUTH" -> write(out, answer("AUTH", "235 2.7.0 ok"));
                case "MAIL" -> write(out, answer("MAIL", "250 2.1.0 ok"));
                case "RCPT" -> write(out, answer("RCPT", "250 2.1.5 ok"));
                case "DATA" -> {
                    write(out, "354 go ahead");
                    inData = true;
                }
                case "QUIT" -> {
                    write(out, "221 bye");
                    return;
                }
                default -> write(out, "250 ok");
            }
        }
    }

    private String answer(String verb, String ok) {
        return verb.equals(command) ? reply : ok;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
