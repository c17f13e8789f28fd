package com.trustifi.onboarding.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small authoritative DNS server on 127.0.0.1 that answers TXT, CNAME and MX queries for the names it is given,
 * so the worker's SPF and domain-verification checks do real DNS lookups without the internet. Other names get
 * NXDOMAIN.
 */
public final class LocalDnsServer implements AutoCloseable {

    private static final int TYPE_CNAME = 5;
    private static final int TYPE_MX = 15;
    private static final int TYPE_TXT = 16;
    private static final int CLASS_IN = 1;

    private record Answer(int type, byte[] data) {
    }

    private final DatagramSocket socket;
    private final Map<String, List<Answer>> records = new ConcurrentHashMap<>();
    private final Thread responder;

    private LocalDnsServer(DatagramSocket socket) {
        this.socket = socket;
        this.responder = new Thread(this::serve, "local-dns");
        this.responder.setDaemon(true);
        this.responder.start();
    }

    public static LocalDnsServer start() throws SocketException {
        return new LocalDnsServer(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
    }

    /** host:port, as the worker's {@code worker.spf.resolver} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Replaces the name's TXT records (its other types stay). */
    public void putTxt(String name, String... values) {
        List<Answer> answers = new ArrayList<>();
        for (String value : values) {
            byte[] text = value.getBytes(StandardCharsets.US_ASCII);
            answers.add(new Answer(TYPE_TXT, ByteBuffer.allocate(1 + text.length).put((byte) text.length).put(text).array()));
        }
        replace(name, TYPE_TXT, answers);
    }

    public void putCname(String name, String target) {
        replace(name, TYPE_CNAME, List.of(new Answer(TYPE_CNAME, encodedName(target))));
    }

    public void putMx(String name, int preference, String host) {
        byte[] target = encodedName(host);
        replace(name, TYPE_MX, List.of(new Answer(TYPE_MX,
                ByteBuffer.allocate(2 + target.length).putShort((short) preference).put(target).array())));
    }

    /** A record as a zone file line has it: TXT text, CNAME target, or MX "preference host". */
    public void put(String type, String name, String value) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "TXT" -> putTxt(name, value);
            case "CNAME" -> putCname(name, value);
            case "MX" -> {
                String[] parts = value.trim().split("\\s+");
                putMx(name, Integer.parseInt(parts[0]), parts[1]);
            }
            default -> throw new IllegalArgumentException("Record type " + type + " is not served");
        }
    }

    private void replace(String name, int type, List<Answer> answers) {
        records.compute(name.toLowerCase(Locale.ROOT), (key, existing) -> {
            List<Answer> kept = new ArrayList<>(existing == null ? List.of() : existing);
            kept.removeIf(answer -> answer.type() == type);
            kept.addAll(answers);
            return List.copyOf(kept);
        });
    }

    private static byte[] encodedName(String name) {
        var out = new ByteArrayOutputStream();
        for (String label : name.replaceAll("\\.$", "").split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        return out.toByteArray();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                socket.receive(request);
                byte[] answer = answer(ByteBuffer.wrap(request.getData(), 0, request.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(ByteBuffer query) throws IOException {
        short id = query.getShort();
        query.getShort();
        query.getShort();
        query.position(12);
        int questionStart = query.position();
        String name = readName(query);
        int type = Short.toUnsignedInt(query.getShort());
        query.getShort();
        byte[] question = new byte[query.position() - questionStart];
        query.get(questionStart, question);

        List<Answer> known = records.get(name);
        List<Answer> matching = known == null ? List.of() : known.stream().filter(answer -> answer.type() == type).toList();
        var out = new ByteArrayOutputStream();
        var header = ByteBuffer.allocate(12);
        header.putShort(id);
        // response, authoritative, recursion desired echoed; rcode 3 (NXDOMAIN) for unknown names
        header.putShort((short) (0x8400 | (known != null ? 0 : 3)));
        header.putShort((short) 1);
        header.putShort((short) matching.size());
        header.putShort((short) 0);
        header.putShort((short) 0);
        out.write(header.array());
        out.write(question);
        for (Answer answer : matching) {
            out.write(new byte[] {(byte) 0xC0, 12});
            var rr = ByteBuffer.allocate(10 + answer.data().length);
            rr.putShort((short) answer.type()).putShort((short) CLASS_IN).putInt(60)
                    .putShort((short) answer.data().length).put(answer.data());
            out.write(rr.array());
        }
        return out.toByteArray();
    }

    private static String readName(ByteBuffer buffer) {
        StringBuilder name = new StringBuilder();
        for (int length = Byte.toUnsignedInt(buffer.get()); length > 0; length = Byte.toUnsignedInt(buffer.get())) {
            byte[] label = new byte[length];
            buffer.get(label);
            name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        socket.close();
    }
}
