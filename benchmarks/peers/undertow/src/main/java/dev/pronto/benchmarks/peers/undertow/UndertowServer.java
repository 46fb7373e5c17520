package dev.pronto.benchmarks.peers.undertow;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.samples.servlet.JsonServlet;
import dev.pronto.samples.servlet.PlaintextServlet;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;

/**
 * Undertow 2.3 serving {@code /plaintext} and {@code /json} from a servlet deployment: one HTTP
 * listener, Undertow's default I/O and worker threads, no access log. Undertow 2.3 implements
 * Servlet 6.0, so this peer runs against the 6.0 API.
 */
public final class UndertowServer {

    private UndertowServer() {
    }

    public static void main(String[] args) {
        PeerMain.run("undertow", false, args, UndertowServer::start);
    }

    /** Deploys the servlets and starts the listener; returns once it accepts. */
    public static RunningPeer start(PeerOptions options) throws ServletException {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("peer-undertow")
                .addServlets(
                        Servlets.servlet("plaintext", PlaintextServlet.class).addMapping("/plaintext"),
                        Servlets.servlet("json", JsonServlet.class).addMapping("/json"));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();

        Undertow server = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setHandler(manager.start())
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new RunningPeer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                server.stop();
                try {
                    manager.stop();
                } catch (ServletException e) {
                    e.printStackTrace();
                }
                manager.undeploy();
            }
        };
    }
}
