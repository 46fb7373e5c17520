<%@ tag body-content="empty" %><%@ attribute name="who" required="true" %>[greet ${who}]
