import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * DynamoDB Local bound to 127.0.0.1, and closed to web pages.
 *
 * <p>DynamoDB Local's own main class listens on every interface (its Jetty server is built with a
 * port only, and it has no host option) and checks no signature, so anyone on the network could
 * read and write its tables. This launcher takes the same command-line options, builds the same
 * server through DynamoDB Local's own factory, binds its connectors to loopback before they open,
 * and answers 403 to any request carrying an {@code Origin} header: browsers send one on every
 * cross-origin request and every POST, the AWS SDKs never do. It exits with an error rather than
 * start a server it could not bind to loopback.
 *
 * <p>Run as {@code java -cp DynamoDBLocal.jar:<classes> LoopbackDynamoDbLocal -port 8000 -dbPath …}.
 */
public final class LoopbackDynamoDbLocal {
  private static final String LOOPBACK = "127.0.0.1";

  private LoopbackDynamoDbLocal() {}

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer dynamoDb = ServerRunner.createServerFromCommandLineArgs(args);
    Server jetty = jettyOf(dynamoDb);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local built a server without connectors");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) throw new IllegalStateException("cannot bind " + connector + " to " + LOOPBACK);
      ((ServerConnector) connector).setHost(LOOPBACK);
    }
    HandlerWrapper refuseBrowsers = new RefuseBrowsers();
    refuseBrowsers.setHandler(jetty.getHandler());
    jetty.setHandler(refuseBrowsers);
    // safeStart: Jetty's start without the telemetry call, and a failure to bind ends the process.
    dynamoDb.safeStart();
    dynamoDb.join();
  }

  /** The Jetty server inside DynamoDB Local's server: a private field, read before it starts. */
  private static Server jettyOf(DynamoDBProxyServer dynamoDb) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    return (Server) field.get(dynamoDb);
  }

  /** Answers 403 to a web page's request (one with an {@code Origin} header), passes the rest on. */
  private static final class RefuseBrowsers extends HandlerWrapper {
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      if (request.getHeader("Origin") == null) {
        super.handle(target, baseRequest, request, response);
        return;
      }
      baseRequest.setHandled(true);
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/plain;charset=utf-8");
      response.getWriter().write("The local cloud's DynamoDB Local does not answer web pages.\n");
    }
  }
}
