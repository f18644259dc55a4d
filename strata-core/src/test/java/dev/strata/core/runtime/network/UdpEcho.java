package dev.strata.core.runtime.network;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A UDP echo server for tests, run as its own JVM inside a network namespace ({@code nsenter --net=FILE java
 * ...}) because busybox has no UDP server. Prints "ready" once bound and "received:" with each datagram's text, and
 * answers each with "echo:" and it.
 */
final class UdpEcho {
    private UdpEcho() {}

    public static void main(String[] args) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("0.0.0.0", Integer.parseInt(args[0])))) {
            System.out.println("ready");
            System.out.flush();
            byte[] buffer = new byte[1500];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                System.out.println("received:" + text);
                System.out.flush();
                byte[] reply = ("echo:" + text).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            }
        }
    }
}
