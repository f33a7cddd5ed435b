package fixtures.base;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

public class BaseChurn {
    Object parse(String text) {
        return JSON.parseObject(text, Object.class, new ParserConfig()); // want "classloader-churn:low"
    }
}
