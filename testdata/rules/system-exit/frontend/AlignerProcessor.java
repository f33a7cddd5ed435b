package frontend;

// One aligner's processor: the front end is its parent's.
public class AlignerProcessor extends AbstractProcessor {
}
