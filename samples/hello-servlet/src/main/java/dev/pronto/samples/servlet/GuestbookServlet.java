package dev.pronto.samples.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /}: a page with a form (POSTed back as form parameters), a per-session visit counter, and the header the
 * {@link TimingFilter} adds. Thread-safe: state lives in the session.
 */
public final class GuestbookServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        render(req, resp, null);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        render(req, resp, req.getParameter("name"));
    }

    private static void render(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        HttpSession session = req.getSession();
        Integer visits = (Integer) session.getAttribute("visits");
        visits = visits == null ? 1 : visits + 1;
        session.setAttribute("visits", visits);
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("<!doctype html><html><head><title>Pronto</title></head><body>");
        out.println("<h1>Hello from Pronto</h1>");
        if (name != null && !name.isBlank()) {
            out.println("<p>Welcome, " + escape(name) + "!</p>");
        }
        out.println("<p>Visits in this session: <b id=\"visits\">" + visits + "</b></p>");
        out.println("<form method=\"post\"><input name=\"name\" placeholder=\"Your name\"> <button>Sign</button></form>");
        out.println("<p>Try <a href=\"plaintext\">/plaintext</a> and <a href=\"json\">/json</a>.</p>");
        out.println("</body></html>");
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
