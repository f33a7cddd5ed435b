import javax.servlet.http.HttpServlet;

public class HelloWorldExample extends HttpServlet {
}
